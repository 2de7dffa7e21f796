/**
 * Finance: the chart of accounts and the vouchers that posting writes in the same transaction
 * (purchase receipt → inventory / AP, sales delivery → AR / revenue and COGS / inventory, returns
 * mirrored, other receipts and issues against 待处理财产损溢), mirrored on unpost; partner
 * balances and the stock-versus-inventory-account reconciliation.
 */
package org.openjxc.finance;
