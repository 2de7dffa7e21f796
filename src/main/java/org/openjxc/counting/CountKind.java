package org.openjxc.counting;

/** A full physical count, an ABC cycle-count sample, or an ad-hoc count of chosen positions. */
public enum CountKind {
    FULL,
    CYCLE,
    AD_HOC
}
