package org.openjxc.organization.web;

import org.openjxc.organization.BinCommand;
import org.openjxc.organization.OrgUnitCommand;
import org.openjxc.organization.OrgUnitView;
import org.openjxc.organization.WarehouseCommand;
import org.openjxc.organization.WarehouseView;
import org.openjxc.shared.Text;

/** The small forms of the organization pages. */
final class OrganizationForms {

    private OrganizationForms() {}

    public static class WarehouseForm {
        private String code;
        private String name;
        private String orgUnit = "HQ";
        private String address;
        private boolean active = true;
        private Integer version;

        static WarehouseForm of(WarehouseView w) {
            var f = new WarehouseForm();
            f.code = w.code();
            f.name = w.name();
            f.orgUnit = w.orgUnit();
            f.address = w.address();
            f.active = w.active();
            f.version = w.version();
            return f;
        }

        WarehouseCommand toCommand() {
            return new WarehouseCommand(
                    Text.trimToNull(code),
                    Text.trimToNull(name),
                    Text.trimToNull(orgUnit),
                    Text.trimToNull(address),
                    active,
                    version);
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

        public String getOrgUnit() {
            return orgUnit;
        }

        public void setOrgUnit(String orgUnit) {
            this.orgUnit = orgUnit;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
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

    public static class BinForm {
        private String code;
        private String name;
        private boolean countsAsAvailable = true;

        BinCommand toCommand() {
            return new BinCommand(Text.trimToNull(code), Text.trimToNull(name), countsAsAvailable, true, null);
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

        public boolean isCountsAsAvailable() {
            return countsAsAvailable;
        }

        public void setCountsAsAvailable(boolean countsAsAvailable) {
            this.countsAsAvailable = countsAsAvailable;
        }
    }

    public static class OrgUnitForm {
        private String code;
        private String name;
        private String parent = "HQ";
        private boolean active = true;
        private Integer version;

        static OrgUnitForm of(OrgUnitView o) {
            var f = new OrgUnitForm();
            f.code = o.code();
            f.name = o.name();
            f.parent = o.parent();
            f.active = o.active();
            f.version = o.version();
            return f;
        }

        OrgUnitCommand toCommand() {
            return new OrgUnitCommand(
                    Text.trimToNull(code), Text.trimToNull(name), Text.trimToNull(parent), active, version);
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

        public String getParent() {
            return parent;
        }

        public void setParent(String parent) {
            this.parent = parent;
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
}
