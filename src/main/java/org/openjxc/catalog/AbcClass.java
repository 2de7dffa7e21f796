package org.openjxc.catalog;

/** ABC(D) class of an item, which sets how often it is cycle counted. */
public enum AbcClass {
    A,
    B,
    C,
    D
}
