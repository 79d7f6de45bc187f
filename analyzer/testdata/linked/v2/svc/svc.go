// Package svc calls its stores through the interfaces of ifc, and imports
// neither implementation.
package svc

import (
	"context"

	"example.com/linked/v2/ifc"
)

type Service struct {
	Tags  ifc.Tags
	Notes ifc.Notes
}

func (s *Service) Rename(ctx context.Context, id interface{}, name string) error {
	return s.Tags.Update(ctx, map[string]interface{}{"_id": id}, map[string]interface{}{"name": name})
}

func (s *Service) Note(ctx context.Context, id interface{}, text string) error {
	return s.Notes.Put(ctx, map[string]interface{}{"_id": id}, map[string]interface{}{"text": text})
}
