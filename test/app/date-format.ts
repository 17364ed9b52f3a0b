/** Template dates with Obsidian's `moment`, as the plugin's onload sets it (here the in-memory one). */
import { moment } from "obsidian";
import { useDateFormatter } from "../../src/core/session/date-format";
import { momentDateFormatter, type MomentLike } from "../../src/core/session/date-format-moment";

// Typed as the module namespace (see src/main.ts); at run time it is moment's function.
useDateFormatter(momentDateFormatter(moment as unknown as MomentLike));
