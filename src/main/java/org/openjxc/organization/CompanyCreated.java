package org.openjxc.organization;

/** Published inside the transaction that created a company, so features can seed its defaults. */
public record CompanyCreated(long companyId) {}
