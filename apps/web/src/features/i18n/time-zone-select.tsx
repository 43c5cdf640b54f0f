"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { inputClass } from "@/features/ui/styles";
import type { TimeZoneGroup } from "./time-zones";

type Props = ComponentProps<"select"> & { groups: TimeZoneGroup[] };

/** A native select of IANA time zones, grouped by area (type-ahead works as in any select). */
export function TimeZoneSelect({ groups, className, ...props }: Props) {
  const t = useTranslations("timeZones.regions");
  return (
    <select {...props} className={className ?? inputClass}>
      {groups.map((group) => (
        <optgroup key={group.region} label={t(group.region)}>
          {group.zones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
