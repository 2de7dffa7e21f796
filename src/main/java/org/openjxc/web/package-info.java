/**
 * The shared web shell: layout, navigation, i18n, error pages and problem+json answers, and the
 * API conventions (idempotency keys, body size limit). Each feature owns its own pages.
 */
package org.openjxc.web;
