package org.openjxc.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A batch of orders from one channel (a shop, a till). */
public record ChannelImport(
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String channel,

        @NotEmpty @Size(max = 500) List<@Valid ChannelOrder> orders) {}
