import { Route, Routes } from "react-router";
import { DeviceDetail } from "./device-detail";
import { DevicesList } from "./devices-list";

/** readiness/devices: the register at the index, one device at /readiness/devices/:id. */
export function DevicesPage() {
  return (
    <Routes>
      <Route index element={<DevicesList />} />
      <Route path=":id" element={<DeviceDetail />} />
    </Routes>
  );
}
