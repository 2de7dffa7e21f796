package org.openjxc.access.web;

import java.util.ArrayList;
import java.util.List;
import org.openjxc.access.NewUser;
import org.openjxc.access.UserCommand;
import org.openjxc.access.UserView;

/** The user page's form: roles, org units and warehouses as checkbox lists. */
public class UserForm {

    private String username;
    private String password;
    private String displayName;
    private List<String> roles = new ArrayList<>();
    private List<String> orgUnits = new ArrayList<>();
    private List<String> warehouses = new ArrayList<>();
    private boolean ownDocumentsOnly;
    private Integer version;

    static UserForm of(UserView user) {
        UserForm f = new UserForm();
        f.username = user.username();
        f.displayName = user.displayName();
        f.roles = new ArrayList<>(user.roles());
        f.orgUnits = new ArrayList<>(user.orgUnits());
        f.warehouses = new ArrayList<>(user.warehouses());
        f.ownDocumentsOnly = user.ownDocumentsOnly();
        f.version = user.version();
        return f;
    }

    NewUser toNewUser() {
        return new NewUser(username, password, displayName, roles, orgUnits, warehouses, ownDocumentsOnly);
    }

    UserCommand toCommand() {
        return new UserCommand(displayName, roles, orgUnits, warehouses, ownDocumentsOnly, version);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public List<String> getOrgUnits() {
        return orgUnits;
    }

    public void setOrgUnits(List<String> orgUnits) {
        this.orgUnits = orgUnits == null ? new ArrayList<>() : orgUnits;
    }

    public List<String> getWarehouses() {
        return warehouses;
    }

    public void setWarehouses(List<String> warehouses) {
        this.warehouses = warehouses == null ? new ArrayList<>() : warehouses;
    }

    public boolean isOwnDocumentsOnly() {
        return ownDocumentsOnly;
    }

    public void setOwnDocumentsOnly(boolean ownDocumentsOnly) {
        this.ownDocumentsOnly = ownDocumentsOnly;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
