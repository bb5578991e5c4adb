package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"
)

// CommandsMarkdown writes the command reference (docs/commands.md) as cobra
// renders each command's help, so the document never drifts from --help.
func CommandsMarkdown(w io.Writer) error {
	root := NewRootCmd(NewApp("dev"))
	root.DisableAutoGenTag = true
	machineIndependent(root)
	var b bytes.Buffer
	b.WriteString("# Command reference\n\nGenerated from `drill help` by `make docs`; do not edit by hand.\n\n")
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root {
			return nil
		}
		// One document: links point at sections of this page.
		if err := doc.GenMarkdownCustom(c, &b, func(name string) string { return "#" + anchor(name) }); err != nil {
			return fmt.Errorf("document %s: %w", c.CommandPath(), err)
		}
		b.WriteString("\n")
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// machineIndependent makes the defaults that depend on the machine (--jobs:
// its number of CPUs) read the same on every machine.
func machineIndependent(c *cobra.Command) {
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name == "jobs" {
			f.DefValue = "the number of CPUs"
		}
	})
	for _, sub := range c.Commands() {
		machineIndependent(sub)
	}
}

// anchor is the section of this page for cobra's file name of a command's
// page: drill_check.md -> drill-check, as Markdown renderers make anchors
// of the heading "drill check".
func anchor(file string) string {
	return strings.ReplaceAll(strings.TrimSuffix(file, ".md"), "_", "-")
}
