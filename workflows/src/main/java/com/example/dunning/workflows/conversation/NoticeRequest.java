package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.policy.QuietHours;

/**
 * A dunning asking when it may send a notice.
 *
 * @param key unique per dunning, step and channel: the notice's own key, so that asking again (a
 *     retried activity, a dunning continued as new) gets the same answer
 * @param quietHours the dunning's quiet hours, or null for none
 * @param timeZone the customer's IANA zone, or null where unknown (then no quiet hours apply)
 */
public record NoticeRequest(
    String dunningId, String key, Channel channel, QuietHours quietHours, String timeZone) {}
