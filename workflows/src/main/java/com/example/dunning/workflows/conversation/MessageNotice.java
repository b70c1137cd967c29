package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;

/**
 * A dunning's notice carried in a customer message.
 *
 * @param noticeKey the key the dunning would have sent it under, {@code <dunning
 *     id>:<step>:<channel>}
 * @param payment the invoice as the dunning saw it when it asked: the customer's address, locale
 *     and time zone, the package, amount and pay link
 */
public record MessageNotice(
    String dunningId, String noticeKey, NoticeKind kind, PaymentDetails payment) {}
