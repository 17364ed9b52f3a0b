/** The core reads YAML with Obsidian's `parseYaml`, as the plugin's onload sets it (here the in-memory one). */
import { parseYaml } from "obsidian";
import { useYamlParser } from "../../src/core/properties/yaml-parser";

useYamlParser(parseYaml);
