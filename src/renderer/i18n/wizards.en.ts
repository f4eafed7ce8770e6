// Stub (UI-A): UI-B overwrites this with the wizards' en strings (merged under the 'wizard' key).
export default {};
