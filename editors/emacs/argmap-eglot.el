;;; argmap-eglot.el --- argmap's language server in Emacs, through eglot  -*- lexical-binding: t -*-

;; Load this file from your init file, e.g. (load "/path/to/argmap/editors/emacs/argmap-eglot.el").
;; `argmap lsp' must be on `exec-path' (pip install 'argmap[lsp]').  Maps open in `argmap-mode',
;; which is `yaml-mode' (or `yaml-ts-mode') with argmap's server, started by eglot.

;;; Code:

(require 'eglot)

(defalias 'argmap--yaml-mode
  (cond ((fboundp 'yaml-ts-mode) #'yaml-ts-mode)
        ((fboundp 'yaml-mode) #'yaml-mode)
        (t #'prog-mode))
  "The YAML mode maps are shown in: the first one this Emacs has.")

(define-derived-mode argmap-mode argmap--yaml-mode "Argmap"
  "Major mode for argmap maps: YAML, checked as you type by `argmap lsp'."
  (setq-local comment-start "# "))

(add-to-list 'auto-mode-alist '("\\.argmap\\.\\(ya?ml\\|json\\)\\'" . argmap-mode))
(add-to-list 'eglot-server-programs '(argmap-mode . ("argmap" "lsp")))
(add-hook 'argmap-mode-hook #'eglot-ensure)

(provide 'argmap-eglot)
;;; argmap-eglot.el ends here
