package com.example.dunning.workflows.conversation;

import java.util.List;

/**
 * What became of a customer message.
 *
 * @param sent true when it went out, now or by an earlier attempt under the same key
 * @param sentTo the address or number, when there was one
 * @param listed the dunnings whose invoices the message listed (open when it went out)
 * @param note why not, when not sent
 */
public record MessageDelivery(boolean sent, String sentTo, List<String> listed, String note) {}
