package org.openjxc.shared;

/** The user on whose behalf a command runs, and the company whose data it touches. */
public interface Actor {
    long userId();

    long companyId();

    String username();
}
