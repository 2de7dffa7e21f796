/**
 * Vocabulary every feature shares: error codes and business exceptions, paging, permission
 * codes and the acting user. Depends on nothing else in OpenJXC.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openjxc.shared;
