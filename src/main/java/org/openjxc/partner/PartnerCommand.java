package org.openjxc.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.openjxc.shared.Codes;

/** Create or change a supplier or customer. */
public record PartnerCommand(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = "{openjxc.code.pattern}")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerType type,
        @Size(max = 60) String region,
        @Size(max = 60) String salesperson,
        @Size(max = 60) String contact,
        @Size(max = 40) String phone,
        @Email @Size(max = 120) String email,
        @Size(max = 300) String address,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal creditLimit,
        @Min(0) @Max(3650) Integer paymentTermsDays,
        @Size(max = 20) String priceLevel,
        @Size(max = 40) String taxNumber,
        @Size(max = 120) String bankName,
        @Size(max = 60) String bankAccount,
        Boolean active,
        Integer version,
        /** All contacts, replacing those kept; {@code null} leaves them as they are. */
        @Size(max = 20) List<@Valid PartnerContact> contacts) {

    /** A command without a contact list, which keeps the partner's contacts unchanged. */
    public PartnerCommand(
            String code,
            String name,
            PartnerType type,
            String region,
            String salesperson,
            String contact,
            String phone,
            String email,
            String address,
            BigDecimal creditLimit,
            Integer paymentTermsDays,
            String priceLevel,
            String taxNumber,
            String bankName,
            String bankAccount,
            Boolean active,
            Integer version) {
        this(
                code,
                name,
                type,
                region,
                salesperson,
                contact,
                phone,
                email,
                address,
                creditLimit,
                paymentTermsDays,
                priceLevel,
                taxNumber,
                bankName,
                bankAccount,
                active,
                version,
                null);
    }
}
