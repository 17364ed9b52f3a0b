/** The core reads YAML with the parser set at start-up; in tests it is the `yaml` package, as in the CLI. */
import { parse } from "yaml";
import { useYamlParser } from "../../src/core/properties/yaml-parser";

useYamlParser((text) => parse(text, { uniqueKeys: true, logLevel: "error" }) as unknown);
