/** Companies, org units (stores, branches), warehouses and bins. */
package org.openjxc.organization;
