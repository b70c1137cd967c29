package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.policy.NoticeKind;
import java.util.List;

/**
 * One message to a customer that carries the notices of one or more of their dunnings.
 *
 * @param key {@code <coordinator id>:message-<n>}: claimed before the send, so the message goes out
 *     once however often the activity runs
 * @param kind the strongest wording of the notices it carries (the order of {@link NoticeKind})
 * @param notices the notices it carries, in the order they were asked
 */
public record CustomerMessage(
    String key,
    String provider,
    String customerId,
    Channel channel,
    NoticeKind kind,
    List<MessageNotice> notices) {}
