/** Small reusable UI components shared by the features' views. */
@NullMarked
package io.sessionlens.base.ui.component;

import org.jspecify.annotations.NullMarked;
