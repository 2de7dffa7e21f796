/**
 * The order pool (订单池): sales orders from web shops and tills, imported over the API or from a
 * file, once per external order id, with the shop's SKU codes mapped to items.
 */
package org.openjxc.channel;
