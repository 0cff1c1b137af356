/**
 * MyST roles ({@code {name}`content`}) as specs ({@link org.bookbuild.parse.role.RoleSpec}) in one registry
 * ({@link org.bookbuild.parse.role.RoleRegistry}), each turning its content into model inlines.
 */
package org.bookbuild.parse.role;
