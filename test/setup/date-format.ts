/** Template dates with our own formatter, as the CLI sets it (the plugin sets Obsidian's moment in onload). */
import { useDateFormatter } from "../../src/core/session/date-format";
import { builtinDateFormatter } from "../../src/core/session/date-format-builtin";

useDateFormatter(builtinDateFormatter);
