"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ControlProps } from "@/features/ui/field";
import { useTRPC } from "@/trpc/react";
import { activeMention, insertMention } from "./mention-query";

/** How long typing pauses before people are looked up. */
const LOOKUP_DELAY_MS = 150;

/**
 * A comment's text box that suggests people to mention: typing "@" and the start of a name lists
 * those who may see the project (`notifications.mentionable`); the arrow keys move through them,
 * Enter or Tab puts "@Full Name " in the text, Escape closes the list (the combobox pattern: the
 * text box owns the list and says which suggestion is active). The server finds the names itself.
 */
export function MentionTextarea({
  projectId,
  registration,
  control,
  rows,
  setText,
}: {
  projectId: string;
  registration: UseFormRegisterReturn;
  control: ControlProps;
  rows: number;
  /** Replaces the form's text (a suggestion was chosen). */
  setText: (text: string) => void;
}) {
  const t = useTranslations("notifications.mentions");
  const trpc = useTRPC();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [query, setQuery] = useState("");

  useEffect(() => {
    if (!mention) return;
    const timer = setTimeout(() => setQuery(mention.query.trim()), LOOKUP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [mention]);

  const open = mention !== null && dismissed !== mention.start;
  const lookup = useQuery(
    trpc.notifications.mentionable.queryOptions(
      { projectId, query },
      { enabled: open && query.length > 0, placeholderData: keepPreviousData, staleTime: 30_000 },
    ),
  );
  const options = open && query.length > 0 ? (lookup.data ?? []) : [];
  const expanded = options.length > 0;
  const current = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const track = (element: HTMLTextAreaElement) => {
    const found =
      element.selectionStart === element.selectionEnd
        ? activeMention(element.value, element.selectionStart)
        : null;
    if (found?.start !== mention?.start) {
      setActive(0);
      setDismissed(null);
      setQuery("");
    }
    setMention(found);
  };

  const pick = (name: string) => {
    const element = ref.current;
    if (!element || !mention) return;
    const next = insertMention(element.value, mention, element.selectionStart, name);
    setText(next.text);
    setMention(null);
    element.focus();
    element.setSelectionRange(next.caret, next.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!expanded || !mention) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      event.preventDefault();
      pick(options[current]!.name);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention.start);
    }
  };

  return (
    <div className="relative">
      <textarea
        rows={rows}
        {...registration}
        {...control}
        ref={(element) => {
          registration.ref(element);
          ref.current = element;
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(current) : undefined}
        onChange={(event) => {
          void registration.onChange(event);
          track(event.target);
        }}
        onBlur={(event) => {
          void registration.onBlur(event);
          setMention(null);
        }}
        onClick={(event) => track(event.currentTarget)}
        onKeyUp={(event) => {
          if (
            event.key === "ArrowLeft" ||
            event.key === "ArrowRight" ||
            event.key === "Home" ||
            event.key === "End"
          ) {
            track(event.currentTarget);
          }
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t("label")}
        hidden={!expanded}
        className="absolute left-0 z-10 mt-1 max-h-64 w-full max-w-sm overflow-auto rounded-md border border-slate-400 bg-white py-1 shadow-lg"
      >
        {options.map((person, index) => (
          <li
            key={person.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            // Keeps focus in the text box, so the choice lands where the caret is.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(person.name)}
            className={`cursor-pointer px-3 py-2 text-sm ${index === current ? "bg-blue-800 text-white" : "text-slate-900 hover:bg-slate-100"}`}
          >
            {person.name}
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {open && query.length > 0 && lookup.data
          ? options.length > 0
            ? t("found", { count: options.length })
            : t("none")
          : ""}
      </p>
    </div>
  );
}
