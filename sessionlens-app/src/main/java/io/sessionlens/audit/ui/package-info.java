/** The audit page (managers and admins). */
@NullMarked
package io.sessionlens.audit.ui;

import org.jspecify.annotations.NullMarked;
