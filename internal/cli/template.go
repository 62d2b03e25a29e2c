package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/secpath/secpath/assess"
	"github.com/secpath/secpath/internal/storage"
)

func newTemplateCmd(env Env, opts *options) *cobra.Command {
	var (
		out   string
		force bool
		quick bool
	)
	cmd := &cobra.Command{
		Use:   "template [-o FILE]",
		Short: "Write a blank answers file: every question, its options as comments",
		Long: `Write a blank answers file to stdout or FILE. Fill in answer = ... under each
question in any editor, then run 'secpath score FILE'. The file is created with
mode 0600 and an existing file is never replaced without --force.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b, err := loadBank(opts)
			if err != nil {
				return err
			}
			mode := assess.Full
			if quick {
				mode = assess.Quick
			}
			var buf bytes.Buffer
			if err := storage.WriteAnswers(&buf, b, &storage.File{Answers: assess.NewAnswers(b, mode)}); err != nil {
				return err
			}
			return writeOutput(env, out, buf.Bytes(), force, fmt.Sprintf("(%d questions). Fill it in, then run: secpath score %s", len(b.QuestionsFor(mode)), out))
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of stdout")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	cmd.Flags().BoolVar(&quick, "quick", false, "only the quick-mode questions")
	return cmd
}
