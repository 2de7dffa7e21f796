package org.openjxc.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** One order of a shop or till: its id there, the customer and warehouse here, and its lines. */
public record ChannelOrder(
        @NotBlank @Size(max = 80) String externalId,
        @NotBlank String customer,
        @NotBlank String warehouse,
        LocalDate date,
        @Size(max = 500) String remark,
        @NotEmpty @Size(max = 1000) List<@Valid ChannelOrderLine> lines) {}
