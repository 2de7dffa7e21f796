/**
 * Files kept with a record: an item's picture, scans and PDFs attached to a document. The owning
 * feature decides who may see and change them; this module checks the file itself, stores it
 * in the database (one backup holds everything) and audits every change.
 */
package org.openjxc.attachment;
