/**
 * Integrations: webhooks — subscriptions per event, payloads signed with HMAC-SHA256, an outbox
 * written in the transaction of what happened, delivery with retries and backoff, a delivery log
 * and manual redelivery.
 */
package org.openjxc.integration;
