/** Suppliers and customers (往来单位). */
package org.openjxc.partner;
