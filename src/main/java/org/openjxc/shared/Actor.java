package org.openjxc.shared;

/** The user on whose behalf a command runs, and the company whose data it touches. */
public interface Actor {
    long userId();

    long companyId();

    String username();

    /** The warehouses whose data this actor may see and change; system actors see the whole company. */
    default DataScope scope() {
        return DataScope.wholeCompany(userId());
    }

    /**
     * Whether the actor holds a permission for work in a warehouse: roles granted for the
     * whole company count everywhere, a temporary grant for one warehouse only there.
     */
    default boolean mayAt(Permission permission, Long warehouseId) {
        return Actors.has(permission);
    }
}
