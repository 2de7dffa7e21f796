package org.openjxc.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One person at a partner: who buys, who pays, who receives the goods. */
public record PartnerContact(
        @NotBlank @Size(max = 60) String name,
        @Size(max = 60) String title,
        @Size(max = 40) String phone,
        @Email @Size(max = 120) String email,
        Boolean primary) {

    /** Not saying is not primary. */
    public PartnerContact {
        primary = Boolean.TRUE.equals(primary);
    }
}
