package org.openjxc.access;

import java.util.List;

/** A role with its permission codes and how many users hold it. */
public record RoleView(String code, String name, boolean builtIn, List<String> permissions, long users) {}
