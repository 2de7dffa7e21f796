/**
 * The append-only audit log: who did what, when, from where, to which record, with the record
 * before and after. Every write in OpenJXC records an entry in its own transaction.
 */
package org.openjxc.audit;
