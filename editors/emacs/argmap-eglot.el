;;; argmap-eglot.el --- argmap's language server in Emacs, through eglot  -*- lexical-binding: t -*-

;; Load this file from your init file, e.g. (load "/path/to/argmap/editors/emacs/argmap-eglot.el").
;; It needs eglot: built in from Emacs 29; before, from GNU ELPA (M-x package-install RET eglot)
;; or Debian's elpa-eglot.  `argmap lsp' must be on `exec-path' (pip install 'argmap[lsp]'), or
;; change "argmap" below to its full path.  Maps open in `argmap-mode', which is YAML (through
;; `yaml-ts-mode' where the YAML grammar is installed, else `yaml-mode' where it is) with argmap's
;; server, started by eglot; other YAML files keep their own mode and servers.

;;; Code:

(require 'eglot)

(defalias 'argmap--yaml-mode
  (cond ((and (fboundp 'treesit-language-available-p)
              (treesit-language-available-p 'yaml)
              (fboundp 'yaml-ts-mode))
         #'yaml-ts-mode)
        ((fboundp 'yaml-mode) #'yaml-mode)
        (t #'prog-mode))
  "The YAML mode maps are shown in.
`yaml-ts-mode' only where its grammar is installed: without it, the mode warns and shows plain
text.")

(define-derived-mode argmap-mode argmap--yaml-mode "Argmap"
  "Major mode for argmap maps: YAML, checked as you type by `argmap lsp'."
  (setq-local comment-start "# "))

(add-to-list 'auto-mode-alist '("\\.argmap\\.\\(ya?ml\\|json\\)\\'" . argmap-mode))
(add-to-list 'eglot-server-programs '(argmap-mode . ("argmap" "lsp")))
(add-hook 'argmap-mode-hook #'eglot-ensure)

(provide 'argmap-eglot)
;;; argmap-eglot.el ends here
