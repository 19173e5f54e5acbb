/** One writer per MLflow JSON dialect: each knows only how its MLflow version spells ids, times, status and info. */
@NullMarked
package io.sessionlens.demodata.dialect;

import org.jspecify.annotations.NullMarked;
