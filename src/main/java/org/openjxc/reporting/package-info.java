/** Dashboards, alerts, reports and their exports. Reads what the other features publish. */
package org.openjxc.reporting;
