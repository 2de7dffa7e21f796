package org.openjxc.channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A shop's SKU code and the item it stands for here. */
public record SkuMapping(
        @NotBlank @Size(max = 30) String channel,
        @NotBlank @Size(max = 80) String externalSku,
        @NotBlank String item) {}
