package org.openjxc.shared;

/** Common list filters: free text (code, name, pinyin initials) and active state (null = both). */
public record MasterDataQuery(String q, Boolean active) {

    public static MasterDataQuery of(String q, Boolean active) {
        return new MasterDataQuery(q, active);
    }
}
