package org.openjxc.web;

/**
 * One link of the main menu. Features contribute their own entries as beans; the layout shows
 * those the user's permissions allow, grouped by section in {@code order}.
 *
 * @param section message key of the menu section (for example {@code nav.section.masterData})
 * @param labelKey message key of the link text
 * @param href the page
 * @param permission the permission code needed to see the link
 * @param order position, sections sorted by their smallest entry
 */
public record NavigationEntry(String section, String labelKey, String href, String permission, int order) {}
