/**
 * The built-in session and paper-summary templates, in Japanese and English. They are written in
 * the note grammar of SPEC §2 (heading form), so a new note parses into empty presenter blocks.
 */

import { EMPTY_TOPIC_LINE, HEADINGS, SESSION_TYPE, type Language } from "../note/vocabulary";

export const SESSION_TEMPLATES: Record<Language, string> = {
  ja: `---
type: ${SESSION_TYPE}
date: {{date}}
series: {{series}}
number: {{number}}
---
# {{series}} 第{{number}}回（{{date:YYYY年M月D日}}）

前回: {{prev}}

## ${HEADINGS.ja.topics}

{{presenters}}
## ${HEADINGS.ja.main}

### @{{main_presenter}}
{{paper}}`,
  en: `---
type: ${SESSION_TYPE}
date: {{date}}
series: {{series}}
number: {{number}}
---
# {{series}} no. {{number}} ({{date:MMMM D, YYYY}})

Previous: {{prev}}

## ${HEADINGS.en.topics}

{{presenters}}
## ${HEADINGS.en.main}

### @{{main_presenter}}
{{paper}}`,
};

export const PAPER_TEMPLATES: Record<Language, string> = {
  ja: `#### [論文] {{title}}
- 著者: 
- 会議・年: 
- リンク: {{url}}

##### 概要
- 
##### 背景・課題
- 
##### 提案手法
- 
##### 実験
- 
##### 結果
- 
##### 所感・議論
- 
`,
  en: `#### [paper] {{title}}
- Authors: 
- Venue / year: 
- Link: {{url}}

##### Summary
- 
##### Background
- 
##### Method
- 
##### Experiments
- 
##### Results
- 
##### Discussion
- 
`,
};

/** One presenter's empty block: the topic heading is left blank for the presenter to fill in. */
export function presenterBlock(name: string): string {
  return `### @${name}\n${EMPTY_TOPIC_LINE}\n- \n`;
}

/** The marker of an empty topic heading the cursor is put on. */
