package org.openjxc.partner.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openjxc.partner.PartnerCommand;
import org.openjxc.partner.PartnerContact;
import org.openjxc.partner.PartnerType;
import org.openjxc.partner.PartnerView;
import org.openjxc.shared.Text;

/** The partner form of the web page. */
public class PartnerForm {

    /** One contact row; blank rows are ignored. */
    public static class ContactRow {
        private String name;
        private String title;
        private String phone;
        private String email;
        private boolean primary;

        public ContactRow() {}

        ContactRow(PartnerContact c) {
            name = c.name();
            title = c.title();
            phone = c.phone();
            email = c.email();
            primary = c.primary();
        }

        boolean isBlank() {
            return Text.trimToNull(name) == null
                    && Text.trimToNull(title) == null
                    && Text.trimToNull(phone) == null
                    && Text.trimToNull(email) == null;
        }

        PartnerContact toContact() {
            return new PartnerContact(
                    Text.trimToNull(name),
                    Text.trimToNull(title),
                    Text.trimToNull(phone),
                    Text.trimToNull(email),
                    primary);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public boolean isPrimary() {
            return primary;
        }

        public void setPrimary(boolean primary) {
            this.primary = primary;
        }
    }

    static final int BLANK_CONTACT_ROWS = 2;

    private List<ContactRow> contacts = new ArrayList<>();
    private String code;
    private String name;
    private PartnerType type = PartnerType.CUSTOMER;
    private String region;
    private String salesperson;
    private String contact;
    private String phone;
    private String email;
    private String address;
    private BigDecimal creditLimit;
    private Integer paymentTermsDays;
    private String priceLevel;
    private String taxNumber;
    private String bankName;
    private String bankAccount;
    private boolean active = true;
    private Integer version;

    static PartnerForm of(PartnerView p) {
        var f = new PartnerForm();
        f.code = p.code();
        f.name = p.name();
        f.type = p.type();
        f.region = p.region();
        f.salesperson = p.salesperson();
        f.contact = p.contact();
        f.phone = p.phone();
        f.email = p.email();
        f.address = p.address();
        f.creditLimit = p.creditLimit();
        f.paymentTermsDays = p.paymentTermsDays();
        f.priceLevel = p.priceLevel();
        f.taxNumber = p.taxNumber();
        f.bankName = p.bankName();
        f.bankAccount = p.bankAccount();
        f.active = p.active();
        f.version = p.version();
        p.contacts().forEach(c -> f.contacts.add(new ContactRow(c)));
        f.padContactRows();
        return f;
    }

    static PartnerForm blank() {
        var f = new PartnerForm();
        f.padContactRows();
        return f;
    }

    void padContactRows() {
        for (int i = 0; i < BLANK_CONTACT_ROWS; i++) {
            contacts.add(new ContactRow());
        }
    }

    public List<ContactRow> getContacts() {
        return contacts;
    }

    public void setContacts(List<ContactRow> contacts) {
        this.contacts = contacts;
    }

    /** The command; drops blank contact rows first so that error paths match the rows shown. */
    PartnerCommand toCommand() {
        contacts.removeIf(ContactRow::isBlank);
        return new PartnerCommand(
                Text.trimToNull(code),
                Text.trimToNull(name),
                type,
                Text.trimToNull(region),
                Text.trimToNull(salesperson),
                Text.trimToNull(contact),
                Text.trimToNull(phone),
                Text.trimToNull(email),
                Text.trimToNull(address),
                creditLimit,
                paymentTermsDays,
                Text.trimToNull(priceLevel),
                Text.trimToNull(taxNumber),
                Text.trimToNull(bankName),
                Text.trimToNull(bankAccount),
                active,
                version,
                contacts.stream().map(ContactRow::toContact).toList());
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public PartnerType getType() {
        return type;
    }

    public void setType(PartnerType type) {
        this.type = type;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getSalesperson() {
        return salesperson;
    }

    public void setSalesperson(String salesperson) {
        this.salesperson = salesperson;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }

    public Integer getPaymentTermsDays() {
        return paymentTermsDays;
    }

    public void setPaymentTermsDays(Integer paymentTermsDays) {
        this.paymentTermsDays = paymentTermsDays;
    }

    public String getPriceLevel() {
        return priceLevel;
    }

    public void setPriceLevel(String priceLevel) {
        this.priceLevel = priceLevel;
    }

    public String getTaxNumber() {
        return taxNumber;
    }

    public void setTaxNumber(String taxNumber) {
        this.taxNumber = taxNumber;
    }

    public String getBankName() {
        return bankName;
    }

    public void setBankName(String bankName) {
        this.bankName = bankName;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public void setBankAccount(String bankAccount) {
        this.bankAccount = bankAccount;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
