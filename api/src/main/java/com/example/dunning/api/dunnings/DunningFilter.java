package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.model.DunningStatus;
import java.time.Instant;
import java.util.Set;

/**
 * What a list asks for; every part may be left out.
 *
 * @param customer a customer id, or an e-mail address (case-insensitive)
 * @param from failures at or after this instant
 * @param to failures before this instant
 */
record DunningFilter(Set<DunningStatus> statuses, String customer, Instant from, Instant to) {}
