package org.openjxc.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription: the channel, its target (an e-mail address, or the robot's webhook address), a
 * DingTalk robot's signing secret (加签) if it has one, and the topics.
 */
public record NotificationCommand(
        @NotNull NotificationChannel channel,
        @NotBlank @Size(max = 500) String target,
        @Size(max = 200) String secret,
        @NotEmpty List<NotificationTopic> topics) {}
