/**
 * Whether a title a service returned names the paper a topic means. A search hit is never taken
 * as such: "Attention Is All You Need" must not become "Attention Is All You Need in Speech
 * Separation". Titles agree when they are equal after folding case, width, accents, punctuation and
 * spacing, allowing a leading nickname (`Chinchilla: …`) on one side only.
 */

/** Case, width, accents, punctuation and spaces folded away: `Pre-Training` and `pretraining` are one. */
export function foldTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** `Chinchilla: Training …` → `Training …`; null when there is no short leading name. */
function withoutNickname(title: string): string | null {
  const match = /^\s*([^:：]{1,40}?)\s*[:：]\s+(\S.*)$/u.exec(title);
  if (!match?.[2]) return null;
  // A name is a few words; a long clause before a colon is part of the title.
  if ((match[1] ?? "").split(/\s+/).length > 4) return null;
  const rest = foldTitle(match[2]);
  return rest.length >= 8 ? rest : null;
}

/** `… (ACL 2024)`, `… [NeurIPS'23]`: a venue and year people add after a title, not part of it. */
export function withoutVenueSuffix(title: string): string {
  return (
    title.replace(/\s*[(（[［][^()（）[\]［］]{0,40}?\d{2,4}[^()（）[\]［］]{0,20}[)）\]］]\s*$/u, "").trim() || title
  );
}

/** Ours is the topic's title as people wrote it; theirs is the service's. */
export function titlesAgree(ours: string, theirs: string): boolean {
  if (agree(ours, theirs)) return true;
  const bare = withoutVenueSuffix(ours);
  return bare !== ours && agree(bare, theirs);
}

function agree(ours: string, theirs: string): boolean {
  const a = foldTitle(ours);
  const b = foldTitle(theirs);
  if (a.length === 0 || b.length === 0) return false;
  if (a === b) return true;
  return withoutNickname(ours) === b || withoutNickname(theirs) === a;
}
