/**
 * Session files (File ▸ Save session / Open session): every open workspace's settings, data choice and trained
 * model in one zip archive of a JSON manifest and safetensors files, read back with every entry checked (names,
 * sizes, JSON schema, tensors). The format is {@code docs/sessions.md}; the menu and the workspaces' part are
 * {@code ui.shell}'s. No JavaFX here, and never Java serialization.
 */
package org.genscope.session;
