/**
 * Stock counting (盘点): counts of a warehouse (full, ABC cycle sample or ad hoc by bins,
 * category or items), entry by scanning on a phone with the system quantity taken per position
 * when it is counted, blind counting, recounts beyond a tolerance, variance with the moves that
 * could explain it and a cause, approval by someone who neither created nor counted it, which
 * posts one {@code COUNT_ADJUSTMENT}; count accuracy and responsibility reports.
 */
package org.openjxc.counting;
