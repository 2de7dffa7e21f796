/**
 * Users, roles, permission points, API tokens and authentication (form login for people,
 * bearer tokens for integrations).
 */
package org.openjxc.access;
